// English strings of the shell: title, sign-in, navigation, roles and connection state.
export const coreEn = {
  'app.title': 'Chachoengsao Traffic Operations Center',
  'app.shortTitle': 'Chachoengsao TOC',
  'common.loading': 'Loading…',

  'lang.label': 'Language',
  'lang.th': 'ไทย',
  'lang.en': 'EN',

  'login.title': 'Sign in',
  'login.subtitle': 'Traffic operations center staff only',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalid': 'Sign-in failed: those sign-in details were not accepted. Please try again.',
  'login.error.rateLimited': 'Too many sign-in attempts. Please wait a minute and try again.',
  'login.error.network': 'Cannot reach the server. Check the network and try again.',
  'login.error.missing': 'Enter your username and password.',
  'login.error.generic': 'Sign-in failed. Please try again.',

  'header.signedInAs': 'Signed in as',
  'header.logout': 'Sign out',
  'nav.map': 'Live map',
  'nav.analysis': 'Crashes',
  'nav.wall': 'Video wall',
  'nav.elephants': 'Elephants',
  'nav.punctuality': 'Bus punctuality',

  'role.admin': 'Administrator',
  'role.operator': 'Operator',
  'role.police': 'Police',
  'role.planner': 'Traffic planner',
  'role.viewer': 'Viewer',

  'connection.connecting': 'Connecting…',
  'connection.connected': 'Live',
  'connection.reconnecting': 'Reconnecting…',
  'connection.disconnected': 'Offline',
  'connection.banner.connecting': 'Connecting to live updates…',
  'connection.banner.reconnecting': 'Connection lost. Reconnecting — the map may be out of date.',
  'connection.banner.disconnected': 'Disconnected from the server. Live updates are paused; retrying.',

  'error.sessionExpired': 'Your session has ended. Please sign in again.',
} as const;
