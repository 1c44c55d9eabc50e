import { z } from "zod";

// Messages are dictionary keys; the form shows them in the viewer's language.
export const loginSchema = z.object({
  username: z.string().trim().min(1, "login.usernameRequired").max(100, "login.tooLong"),
  password: z.string().min(1, "login.passwordRequired").max(200, "login.tooLong"),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;
