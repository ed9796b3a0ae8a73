-- Directory: commands, members, technologies with their access levels, and the users who sign in.
-- ${id}, ${ts} are Flyway placeholders filled per database (MariaDB in production, H2 for the demo start).

CREATE TABLE command (
  id        ${id} PRIMARY KEY,
  code      VARCHAR(32)  NOT NULL,
  name      VARCHAR(200) NOT NULL,
  kind      VARCHAR(40)  NOT NULL,
  CONSTRAINT uk_command_code UNIQUE (code)
);

CREATE TABLE technology (
  id            ${id} PRIMARY KEY,
  code          VARCHAR(40)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  category      VARCHAR(60)  NOT NULL,
  review_layers INT          NOT NULL,
  CONSTRAINT uk_technology_code UNIQUE (code),
  CONSTRAINT ck_technology_layers CHECK (review_layers BETWEEN 1 AND 9)
);

CREATE TABLE access_level (
  id                ${id} PRIMARY KEY,
  technology_id     BIGINT       NOT NULL,
  code              VARCHAR(40)  NOT NULL,
  name              VARCHAR(200) NOT NULL,
  intelligence_only BOOLEAN      NOT NULL,
  CONSTRAINT uk_access_level UNIQUE (technology_id, code),
  CONSTRAINT fk_access_level_technology FOREIGN KEY (technology_id) REFERENCES technology (id)
);

-- The access levels a command's functions justify (policies: "Access levels are only granted for
-- functions and abilities relevant to individual commands").
CREATE TABLE command_permitted_level (
  command_id      BIGINT NOT NULL,
  access_level_id BIGINT NOT NULL,
  PRIMARY KEY (command_id, access_level_id),
  CONSTRAINT fk_cpl_command FOREIGN KEY (command_id) REFERENCES command (id),
  CONSTRAINT fk_cpl_level FOREIGN KEY (access_level_id) REFERENCES access_level (id)
);

CREATE TABLE member (
  id         ${id} PRIMARY KEY,
  tax_number VARCHAR(20)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  rank_title VARCHAR(60)  NOT NULL,
  command_id BIGINT       NOT NULL,
  active     BOOLEAN      NOT NULL,
  CONSTRAINT uk_member_tax_number UNIQUE (tax_number),
  CONSTRAINT fk_member_command FOREIGN KEY (command_id) REFERENCES command (id)
);
CREATE INDEX ix_member_command ON member (command_id, name);

-- Users and their hashed passwords (modular crypt format), read by the Elytron jdbc-realm
-- configured in wildfly-config/security.cli, so an admin adds users without touching the server.
CREATE TABLE app_user (
  username      VARCHAR(80)  NOT NULL PRIMARY KEY,
  password_hash VARCHAR(200) NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  command_id    BIGINT,
  enabled       BOOLEAN      NOT NULL,
  CONSTRAINT fk_user_command FOREIGN KEY (command_id) REFERENCES command (id)
);

CREATE TABLE app_user_role (
  username  VARCHAR(80) NOT NULL,
  role_name VARCHAR(60) NOT NULL,
  PRIMARY KEY (username, role_name),
  CONSTRAINT fk_user_role_user FOREIGN KEY (username) REFERENCES app_user (username)
);

-- Work groups (process candidate groups such as access-review-1), distinct from security roles.
CREATE TABLE app_user_group (
  username   VARCHAR(80) NOT NULL,
  group_name VARCHAR(60) NOT NULL,
  PRIMARY KEY (username, group_name),
  CONSTRAINT fk_user_group_user FOREIGN KEY (username) REFERENCES app_user (username)
);
