/** The hub's /ca page (src/hub/ca-page.ts): installing the hub's certificate authority on a phone.
 *  Served by the hub itself, not part of the app's catalogue: the app never shows these. */
export const hubCaMessages = {
  'ca.title': 'Trust this hub on a phone',
  'ca.intro': 'This hub serves the app over https with a certificate it made itself. Install its certificate once on each phone: then the app opens on the phone even while the hub is off, and keeps what was written there.',
  'ca.scan': 'Scan with the phone’s camera to open this page on the phone.',
  'ca.warning': 'The phone may first warn that the connection is not private. This once, go on: on Android tap Advanced, then Proceed; on iPhone tap Show Details, then visit this website.',
  'ca.download': 'Download the certificate',
  'ca.android': 'Android',
  'ca.android.1': 'Tap “Download the certificate” above.',
  'ca.android.2': 'Open Settings and search for “CA certificate” (Security, then More security settings, then Encryption and credentials, then Install a certificate).',
  'ca.android.3': 'Tap CA certificate, then Install anyway, and choose the file you downloaded ({file}).',
  'ca.android.4': 'Open the workshop link again.',
  'ca.iphone': 'iPhone and iPad',
  'ca.iphone.1': 'In Safari, tap “Download the certificate” above, then Allow.',
  'ca.iphone.2': 'Open Settings, tap Profile Downloaded near the top (or General, then VPN and Device Management), then Install.',
  'ca.iphone.3': 'Open Settings, then General, then About, then Certificate Trust Settings, and turn on “{name}”.',
  'ca.iphone.4': 'Open the workshop link again.',
  'ca.after': 'The phone then trusts what this hub’s certificate authority signs; its key never leaves the hub’s computer. When the workshops are over, remove the certificate in the same settings.',
  'ca.open': 'Open the app',
} as const;
