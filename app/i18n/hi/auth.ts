import type { auth as en } from "../en/auth";

export const auth: Record<keyof typeof en, string> = {
  "login.title": "अनुपालन में साइन इन करें",
  "login.username": "उपयोगकर्ता नाम",
  "login.password": "पासवर्ड",
  "login.submit": "साइन इन",
  "login.invalid": "उपयोगकर्ता नाम या पासवर्ड सही नहीं है।",
  "login.usernameRequired": "अपना उपयोगकर्ता नाम लिखें",
  "login.passwordRequired": "अपना पासवर्ड लिखें",
  "login.tooMany": "बहुत अधिक असफल प्रयास। कृपया {seconds} सेकंड रुककर फिर प्रयास करें।",
  "login.hint": "अधिकारियों को उपयोगकर्ता नाम सचिवालय से मिलता है।",
};
