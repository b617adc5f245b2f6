-- Optional two-step login for staff (两步验证): the TOTP secret of an
-- account that turned it on, and the one being set up (shown as a QR code,
-- kept until the first code from the phone confirms it).
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_pending TEXT NOT NULL DEFAULT '';
