-- Installation qualification (EU Annex 11 §4.5 and §4.8, 21 CFR 11.10(a)).
--
-- 1. The IQ compares the schema version and the checksum of every applied migration with the
--    release's expected list. The history table is the owner's; the runtime role reads it only
--    through this owner-rights function, which returns the history and nothing else (fixed search
--    path with pg_temp last, as every owner-rights function here, V28).
CREATE FUNCTION schema_migrations()
    RETURNS TABLE (installed_rank integer, version varchar, description varchar, script varchar,
                   checksum integer, success boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
    SELECT h.installed_rank, h.version, h.description, h.script, h.checksum, h.success
    FROM ${flyway:defaultSchema}.flyway_schema_history h
    ORDER BY h.installed_rank
$$;
REVOKE ALL ON FUNCTION schema_migrations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION schema_migrations() TO ${appRole};

-- 2. The IQ record as executed (Markdown, every check with expected and actual value), signed by
--    the QA person who executed it ("performed"). Never changed once written: the runtime role may
--    only add records.
CREATE SEQUENCE installation_qualification_seq INCREMENT BY 50;
CREATE TABLE installation_qualification (
    id               bigint         PRIMARY KEY,
    executed_at      timestamptz    NOT NULL,
    recorded_at      timestamptz    NOT NULL,
    executed_by      varchar(255)   NOT NULL,
    executed_by_name varchar(255)   NOT NULL,
    host             varchar(255)   NOT NULL,
    release_version  varchar(64)    NOT NULL,
    ear_sha256       char(64)       NOT NULL CHECK (ear_sha256 ~ '^[0-9a-f]{64}$'),
    schema_version   varchar(32)    NOT NULL,
    checks_total     integer        NOT NULL CHECK (checks_total > 0),
    checks_failed    integer        NOT NULL CHECK (checks_failed >= 0 AND checks_failed <= checks_total),
    passed           boolean        NOT NULL CHECK (passed = (checks_failed = 0)),
    record           text           NOT NULL,
    record_sha256    char(64)       NOT NULL CHECK (record_sha256 ~ '^[0-9a-f]{64}$'),
    version          bigint         NOT NULL
);
CREATE INDEX installation_qualification_time_idx ON installation_qualification (executed_at);
CREATE TABLE installation_qualification_aud (
    id               bigint   NOT NULL,
    rev              bigint   NOT NULL REFERENCES audit_revision (id),
    revtype          smallint NOT NULL,
    revend           bigint   REFERENCES audit_revision (id),
    executed_at      timestamptz,
    recorded_at      timestamptz,
    executed_by      varchar(255),
    executed_by_name varchar(255),
    host             varchar(255),
    release_version  varchar(64),
    ear_sha256       char(64),
    schema_version   varchar(32),
    checks_total     integer,
    checks_failed    integer,
    passed           boolean,
    record           text,
    record_sha256    char(64),
    PRIMARY KEY (id, rev)
);
SELECT audited_record_register('InstallationQualification', 'installation_qualification_aud');

GRANT USAGE ON SEQUENCE installation_qualification_seq TO ${appRole};
GRANT SELECT, INSERT ON installation_qualification TO ${appRole};
GRANT SELECT, INSERT ON installation_qualification_aud TO ${appRole};
GRANT UPDATE (revend) ON installation_qualification_aud TO ${appRole};
