-- Camera credentials are write-only: sealed (AES-256-GCM, key from CAMERA_SECRET_KEY) in their own column, never in
-- the URL. Existing `user:pass@` URLs are sealed by the server at start (it holds the key; SQL does not); the check is
-- NOT VALID so those rows may wait for it, while every new or changed row must already be clean.
ALTER TABLE cameras ADD COLUMN rtsp_credentials bytea;
ALTER TABLE cameras ADD CONSTRAINT cameras_rtsp_url_without_credentials
  CHECK (rtsp_url !~ '^rtsp://[^/?#]*@') NOT VALID;
