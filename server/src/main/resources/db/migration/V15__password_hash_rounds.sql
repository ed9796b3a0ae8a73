-- Users added through the API before PasswordHash had hashes like "$6$<salt>$<hash>". Elytron's
-- modular-crypt decoder reads a salt that begins with "r" as a "rounds=" field, so those users
-- (one in 64) could never sign in. crypt's default is 5,000 rounds, so writing the rounds out
-- gives the same hash in a form Elytron reads: "$6$rounds=5000$<salt>$<hash>".
UPDATE app_user
   SET password_hash = CONCAT('$6$rounds=5000$', SUBSTRING(password_hash, 4))
 WHERE password_hash LIKE '$6$r%'
   AND password_hash NOT LIKE '$6$rounds=%';
