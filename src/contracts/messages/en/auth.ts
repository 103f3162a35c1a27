// Self-service password reset (Forgot password): the API answers, the e-mail and the two web pages.
import type { auth as vi } from '../vi/auth';

export const auth: Record<keyof typeof vi, string> = {
  'auth.passwordReset.requested':
    'If the account exists and has an e-mail address, we have sent password reset instructions to it. The link is valid for {minutes} minutes.',
  'auth.passwordReset.invalidToken': 'This password reset link is invalid, has expired or has already been used. Please request a new link.',
  'auth.passwordReset.mail.subject': 'Reset your Vinh Danh password',
  'auth.passwordReset.mail.body':
    'Hello {name},\n\nSomeone asked to reset the password of the account "{username}" on Vinh Danh. To choose a new password, open the link below (valid for {minutes} minutes, usable once):\n\n{link}\n\nIf you did not ask for this, ignore this e-mail: your current password is unchanged.',
  'web.login.forgot': 'Forgot password?',
  'web.login.noAccount': 'No account yet? Please contact the system administrator of the Labour Federation.',
  'web.passwordReset.request.title': 'Forgot password',
  'web.passwordReset.request.intro': 'Enter the username or the e-mail address of the account. We will send a password reset link to the registered e-mail.',
  'web.passwordReset.request.identifier': 'Username or e-mail',
  'web.passwordReset.request.submit': 'Send reset link',
  'web.passwordReset.request.noEmail': 'No e-mail on the account? Please contact the system administrator to have your password reset.',
  'web.passwordReset.backToLogin': 'Back to sign in',
  'web.passwordReset.confirm.title': 'Reset password',
  'web.passwordReset.confirm.intro': 'Choose a new password (at least {min} characters). After the reset, every earlier session of the account is ended.',
  'web.passwordReset.confirm.newPassword': 'New password',
  'web.passwordReset.confirm.repeat': 'Repeat the new password',
  'web.passwordReset.confirm.toggle': 'Show or hide the password',
  'web.passwordReset.confirm.tooShort': 'The password must have at least {min} characters.',
  'web.passwordReset.confirm.mismatch': 'The two passwords differ.',
  'web.passwordReset.confirm.submit': 'Reset password',
  'web.passwordReset.confirm.missingToken': 'The link has no reset code. Open the exact link from the e-mail, or request a new link.',
  'web.passwordReset.confirm.requestNew': 'Request a new link',
  'web.passwordReset.done.title': 'Password reset',
  'web.passwordReset.done.body': 'Your password has been changed. Please sign in with the new password.',
  'web.passwordReset.done.signIn': 'Sign in',
};
