-- Before the SSRF fix (security audit finding 7) a failed delivery kept up to 300 characters of the receiver's reply
-- ("HTTP 500: <body>"): attacker-controlled text, or an internal service's secrets, that operators read. Rows written
-- since say only "HTTP <status> from target"; the old ones are brought to the same words, their status kept.
UPDATE notifications
   SET error = substring(error FROM '^HTTP [0-9]{3}') || ' from target'
 WHERE error ~ '^HTTP [0-9]{3}: ';
