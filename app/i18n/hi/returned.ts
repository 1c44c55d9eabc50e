import type { returned as en } from "../en/returned";

export const returned: Record<keyof typeof en, string> = {
  "returned.badge": "लौटाया गया",
  "returned.notice.title": "सचिवालय द्वारा लौटाया गया",
  "returned.notice.when": "{when} को {who} द्वारा लौटाया गया। कारण:",
  "returned.notice.next": "जो कहा गया है वह करें, फिर नीचे इस बिंदु को पुनः 'पूर्ण' बताएं।",
  "returned.home.title": "आपको लौटाए गए बिंदु",
  "returned.home.hint": "सचिवालय ने ये बिंदु लौटाए हैं। कारण पढ़ने के लिए प्रत्येक को खोलें।",
};
