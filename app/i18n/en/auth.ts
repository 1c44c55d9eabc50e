export const auth = {
  "login.title": "Sign in to Anupalan",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.invalid": "The username or password is not correct.",
  "login.usernameRequired": "Enter your username",
  "login.passwordRequired": "Enter your password",
  "login.tooMany": "Too many failed attempts. Please wait {seconds} seconds and try again.",
  "login.hint": "Officers receive their username from the secretariat.",
} as const;
