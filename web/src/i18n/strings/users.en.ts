// English strings of user administration (admins) and of every user's own password.
export const usersEn = {
  'nav.users': 'Users',
  'header.userMenu': 'Your account',

  // — own password —
  'account.changePassword': 'Change password',
  'account.title': 'Change your password',
  'account.intro':
    'After the change, you stay signed in here; every other place where you are signed in is signed out.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.repeat': 'New password again',
  'account.rules':
    'At least {{min}} characters, without your username, and not a common password. A few unrelated words make a good one.',
  'account.submit': 'Change password',
  'account.saving': 'Changing…',
  'account.changed': 'Your password has been changed.',
  'account.error.missing': 'Enter your current password and the new one.',
  'account.error.tooShort': 'The new password must be at least {{min}} characters long.',
  'account.error.mismatch': 'The two new passwords are not the same.',
  'account.error.generic': 'The password could not be changed. Please try again.',
  'account.forced.title': 'Choose your own password',
  'account.forced.body':
    'Welcome, {{name}}. You signed in with a temporary password. Choose your own password to continue.',

  // — user administration —
  'users.title': 'Users',
  'users.intro':
    'Who may sign in and with which role. A new user or a reset password gets a temporary password, which the user must change at first sign-in.',
  'users.new': 'New user',
  'users.username': 'Username',
  'users.displayName': 'Display name',
  'users.role': 'Role',
  'users.scope': 'Station / districts',
  'users.state': 'State',
  'users.station': 'Police station',
  'users.districts': 'Districts (optional)',
  'users.districtsHint':
    'The districts this operator watches. Recorded for now; it does not yet limit what they see.',
  'users.temporaryPassword': 'Temporary password (optional)',
  'users.temporaryPasswordPlaceholder': 'Leave empty to have one made',
  'users.create': 'Create user',
  'users.save': 'Save',
  'users.saving': 'Saving…',
  'users.cancel': 'Cancel',
  'users.edit': 'Edit',
  'users.disable': 'Disable',
  'users.enable': 'Enable',
  'users.resetPassword': 'Reset password',
  'users.confirmDisable': 'Disable {{username}}? They are signed out everywhere at once.',
  'users.confirmReset': 'Give {{username}} a new temporary password? They are signed out everywhere at once.',
  'users.you': 'you',
  'users.state.active': 'Active',
  'users.state.disabled': 'Disabled',
  'users.state.mustChange': 'Must change password',
  'users.issued.created': 'User {{username}} created. Their temporary password:',
  'users.issued.reset': 'New temporary password for {{username}}:',
  'users.issued.once':
    'It is shown only this once: hand it over in person or by phone. The user must change it at first sign-in.',
  'users.issued.dismiss': 'Done',
  'users.error.username':
    'The username must be 3 to 64 of a–z, 0–9, dot, underscore or hyphen, starting with a letter or digit.',
  'users.error.displayName': 'Enter a display name.',
  'users.error.station': 'A police user needs their police station.',
  'users.error.load': 'The user list could not be loaded.',
  'users.error.generic': 'That did not work. Please try again.',
} as const;
