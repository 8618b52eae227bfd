// User administration (admins) and a user's own password change: bodies, replies and the rules the web shows.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Role } from './common.schema';

/** The password policy's length rule, shared so the web can say it before the server refuses. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Lower-case letters, digits, `.`, `_` and `-`, 3 to 64 long, starting with a letter or digit (the table allows 1+). */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{2,63}$';

const Username = Type.String({
  pattern: USERNAME_PATTERN,
  description: 'Sign-in name: a-z, 0-9, . _ -, 3 to 64 long',
});
const DisplayName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });
const Station = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '\\S',
  description: 'Police station the officer belongs to (required for the police role)',
});
/** District codes of the province's boundary data (ADM2_PCODE), e.g. TH2401 for Mueang Chachoengsao. */
const DistrictCode = Type.String({ pattern: '^TH[0-9]{4}$' });
const Districts = Type.Union([Type.Array(DistrictCode, { maxItems: 50, uniqueItems: true }), Type.Null()], {
  description:
    'Operators only, optional: the districts they watch. Stored and returned; not yet used to narrow what they see. null: not limited',
});
const password = (description?: string) =>
  Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, ...(description ? { description } : {}) });

/** A user as an administrator sees them; never a password hash. */
export const ManagedUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  station: Type.Union([Type.String(), Type.Null()]),
  districts: Type.Union([Type.Array(Type.String()), Type.Null()]),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: IsoDateTime,
  passwordChangedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type ManagedUser = Static<typeof ManagedUser>;

export const NewUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    role: Role,
    station: Type.Optional(Type.Union([Station, Type.Null()])),
    districts: Type.Optional(Districts),
    temporaryPassword: Type.Optional(
      password('Set by the admin; when left out the server makes one. Changed at first sign-in'),
    ),
  },
  { additionalProperties: false },
);
export type NewUserBody = Static<typeof NewUserBody>;

export const UserChangeBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(Role),
    station: Type.Optional(Type.Union([Station, Type.Null()])),
    districts: Type.Optional(Districts),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserChangeBody = Static<typeof UserChangeBody>;

export const PasswordResetBody = Type.Object(
  {
    temporaryPassword: Type.Optional(password('Set by the admin; when left out the server makes one')),
  },
  { additionalProperties: false },
);
export type PasswordResetBody = Static<typeof PasswordResetBody>;

/** The reply to creating a user or resetting a password: the temporary password, to hand over once. */
export const TemporaryPasswordReply = Type.Object({
  user: ManagedUser,
  temporaryPassword: Type.String({ description: 'Shown once; the user must replace it at the next sign-in' }),
});
export type TemporaryPasswordReply = Static<typeof TemporaryPasswordReply>;

export const OwnPasswordBody = Type.Object(
  { currentPassword: password(), newPassword: password() },
  { additionalProperties: false },
);
export type OwnPasswordBody = Static<typeof OwnPasswordBody>;
