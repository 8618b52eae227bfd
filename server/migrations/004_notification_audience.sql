-- The notification log names who a delivery was for (village head, ranger, ...); NULL for the configured channels.
ALTER TABLE notifications ADD COLUMN audience text;
