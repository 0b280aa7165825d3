/** Registering a workshop with a hub on another computer, with the pairing code it prints. */
export const pairingMessages = {
  'pairing.title': 'Register this workshop with a hub',
  'pairing.explain': 'A hub lets a workshop in once a facilitator’s device brings it: by itself on the hub’s own computer; from any other device, with the pairing code the hub shows when it starts.',
  'pairing.hub': 'Hub:',
  'pairing.code': 'Pairing code',
  'pairing.submit': 'Register',
  'pairing.working': 'Registering…',
  'pairing.registered': 'Registered: devices with the invite can now use the hub at {hub}.',
  'pairing.refused': 'The hub refused this code. Check it against the hub’s window: the code changes each time the hub starts.',
  'pairing.unreachable': 'No hub answered at {hub}. Check that this device is on the hub’s network, and try again.',
  'pairing.noCode': 'Enter the pairing code the hub shows.',
  'pairing.open': 'Enter the hub’s pairing code',
} as const;
