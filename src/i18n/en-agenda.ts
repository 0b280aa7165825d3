/** The agenda's steps, the shared timer and following the facilitator. */
export const agendaMessages = {
} as const;
