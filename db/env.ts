import { z } from "zod";

/**
 * The environment, checked once. A bad value stops the process with a message that says
 * which variable is wrong and what was expected.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "DATABASE_URL must look like postgres://user:password@host:5432/database",
    })
    .refine(
      (v) => {
        if (v === undefined) return true;
        try {
          const url = new URL(v);
          return url.hostname !== "" && url.pathname.length > 1;
        } catch {
          return false;
        }
      },
      { message: "DATABASE_URL must name a host and a database, e.g. postgres://postgres@127.0.0.1:5432/anupalan" },
    ),
  PGLITE_DIR: z.string().trim().min(1).default("./data/pglite"),
  /** Minutes a session may sit unused before it is ended. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  /** Hours after sign-in when a session ends however busy it is. */
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  /** The app's own origin (https://anupalan.example.gov.in) when behind a proxy; used by the cross-site check. */
  APP_ORIGIN: z.string().url().optional(),
  /** Seed the demo data when the database is empty at start-up; unset: see seedDemoWanted. */
  SEED_DEMO: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  /** Memory for kept pages of the read-only views (decision 009); 0 turns the page cache off. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /**
   * Where notices are emailed from: smtp://user:pass@host:587 or smtps://…:465 (nodemailer's URL
   * form). Unset: notices appear in the app only.
   */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), { message: "SMTP_URL must look like smtp://user:password@host:587" }),
  /** The From of notice emails. */
  MAIL_FROM: z.string().trim().min(3).default("Anupalan <anupalan@localhost>"),
  /** When the daily reminders run (cron, Indian time). */
  NOTICE_CRON: z.string().trim().min(9).default("30 7 * * *"),
  /** Start the job worker (reminders, digests, email) with the server. */
  NOTICE_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  LOG_REQUESTS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * Whether to seed the demo (its accounts share a published password) into an empty database.
 * SEED_DEMO decides when set; unset, only the embedded database or a development server gets
 * it, so an empty production PostgreSQL never starts with demo accounts.
 */
export function seedDemoWanted(env: Env): boolean {
  return env.SEED_DEMO ?? (env.DATABASE_URL === undefined || env.NODE_ENV === "development");
}

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
