const KEY = 'cg.nameAsked';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Whether to ask this device's person for a name in the workshop: only when they have none,
 *  and only until they answered or said *Not now* once. */
export const shouldAskName = (name: string, storage: KeyValueStore = localStorage): boolean =>
  !name.trim() && !storage.getItem(KEY);

export const nameAsked = (storage: KeyValueStore = localStorage): void => storage.setItem(KEY, '1');
