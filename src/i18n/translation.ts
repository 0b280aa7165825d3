/** Another language's words for an English catalogue: exactly its keys, so a key missing from
 *  the translation (or one the English no longer has) is a type error. */
export type Translation<T> = { readonly [K in keyof T]: string };
