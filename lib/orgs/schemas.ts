import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/** True when the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));
export const passwordSchema = z.string().min(10, "Password must be at least 10 characters").max(200, "Password must be at most 200 characters");
export const organizationNameSchema = z.string().trim().min(2, "Organization name must be at least 2 characters").max(80, "Organization name must be at most 80 characters");
export const roleSchema = z.enum(ROLES as [typeof ROLES[number], ...typeof ROLES]);

export const signUpSchema = z
  .object({
    name: z.string().trim().max(100, "Name must be at most 100 characters").optional(),
    email: emailSchema,
    password: passwordSchema,
    organizationName: organizationNameSchema.optional(),
    inviteToken: z.string().min(1).optional(),
  })
  .refine((v) => v.inviteToken || v.organizationName, {
    path: ["organizationName"],
    message: "Organization name is required",
  });
export type SignUpInput = z.input<typeof signUpSchema>;

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

export const updateOrganizationSchema = z.object({
  name: organizationNameSchema,
  timeZone: z.string().refine(isKnownTimeZone, "Unknown time zone"),
});
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
