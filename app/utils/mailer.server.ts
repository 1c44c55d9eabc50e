// Email through a real SMTP server (nodemailer), used only by the notice queue's worker.
import nodemailer from "nodemailer";
import type { SendEmail } from "~/models/notice-delivery.server";

export function smtpSender(smtpUrl: string, from: string): { send: SendEmail; close: () => void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (email) => {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
        headers: { "Content-Language": email.locale },
      });
    },
    close: () => transport.close(),
  };
}
