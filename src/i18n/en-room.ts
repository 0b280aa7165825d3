/** Facilitating a room of phones: names on arrival, own words, anonymity, participation, focus,
 *  the phone composer. */
export const roomMessages = {
  'name.ask.title': 'What should the room call you?',
  'name.ask.body': 'Your name and group go with what you write and with your role as facilitator. You are asked once.',
  'name.ask.save': 'Save my name',
  'name.ask.later': 'Not now',
} as const;
