-- 0006_application_role.sql
-- The role the silos, the console and the command line connect as (least privilege): it reads and writes rows and
-- runs the cluster's functions; it owns nothing, cannot create, alter or drop objects, and is no superuser. Only the
-- migrator, connected as the database's owner, changes the schema.
--
-- Roles belong to the server, not the database: several PHDB databases on one server share phdb_app, each granting
-- it its own tables. The role cannot log in until the migrator is given its password
-- (Database:ApplicationPassword), which it sets as a SCRAM verifier on every run.
-- The owner needs CREATEROLE (or to be a superuser) the first time this runs on a server.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'phdb_app') THEN
        BEGIN
            CREATE ROLE phdb_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- the migrator of another database on this server created it at the same moment
        END;
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO phdb_app', current_database());
END
$$;

-- Before PostgreSQL 15 every role could create objects in schema public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO phdb_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO phdb_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO phdb_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO phdb_app;

-- The migration journal records what the owner applied; the hosts only read it.
REVOKE INSERT, UPDATE, DELETE ON schema_versions FROM phdb_app;

-- Tables, sequences and functions later migrations create (as the owner) come with the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO phdb_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO phdb_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO phdb_app;
