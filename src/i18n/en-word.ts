/** The session summary as a Word document. */
export const wordMessages = {
  'export.word': 'Download Word (.docx)',
  'export.word.failed': 'The Word file could not be made: the app may need the network once to load it. Try again.',
} as const;
