// Messages: Emulation registrations (đăng ký thi đua).
export const registrations = {
} as const;
