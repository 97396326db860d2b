/// One numbered change of the hub's schema: statements run in one transaction and recorded in
/// `hub_migration`, so that a database of any earlier state is brought up to date and never changed twice.
struct HubMigration: Sendable {
    var number: Int
    var name: String
    /// One SQL statement each: PostgreSQL's extended protocol takes one at a time.
    var statements: [String]
}

extension HubMigration {
    /// Every migration, in order.
    ///
    /// A migration, once released, is never edited: a change is a new one.
    static let all: [HubMigration] = [syncTables, requestGuard, clientRows, syncHealth, pushInOneStatement]

    /// The tables a laptop's bundles fill, with the laptop store's identities (record UUID + version), and
    /// those of the office: keys, receipts, the published plan and its files, people and their sessions.
    static let syncTables = HubMigration(
        number: 1, name: "sync tables",
        statements: [
            """
            CREATE TABLE office_key (
                only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
                public_key bytea NOT NULL CHECK (length(public_key) = 32),
                fingerprint text NOT NULL,
                set_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE enrolled_key (
                name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_-]{1,64}$'),
                public_key bytea NOT NULL UNIQUE CHECK (length(public_key) = 32),
                fingerprint text NOT NULL,
                role text NOT NULL CHECK (role IN ('office', 'laptop')),
                team text,
                office_signature text NOT NULL,
                enrolled_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // One receipt per bundle taken, numbered in the order they were taken: a pull's cursor is such a
            // number. Pushes are taken one at a time, so the numbers follow the commits.
            """
            CREATE TABLE receipt (
                seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                bundle_id uuid NOT NULL,
                signer text NOT NULL REFERENCES enrolled_key (name),
                new_rows integer NOT NULL CHECK (new_rows >= 0),
                already_here integer NOT NULL CHECK (already_here >= 0),
                conflicts integer NOT NULL CHECK (conflicts >= 0),
                received_at timestamptz NOT NULL,
                -- The bundle as its laptop signed it, relayed so in pulls.
                bundle bytea NOT NULL,
                teams text[] NOT NULL
            )
            """,
            """
            CREATE TABLE inspection (
                id uuid PRIMARY KEY,
                vehicle_id text NOT NULL,
                client_id text NOT NULL,
                site_id text NOT NULL,
                route_id text NOT NULL,
                equipment text NOT NULL,
                team_id text NOT NULL,
                engineer text NOT NULL,
                laptop text NOT NULL,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                kind text NOT NULL,
                checklists text NOT NULL,
                receipt bigint NOT NULL
            )
            """,
            "CREATE INDEX inspection_by_vehicle ON inspection (vehicle_id)",
            """
            CREATE TABLE result (
                id uuid NOT NULL,
                version integer NOT NULL CHECK (version >= 1),
                inspection_id uuid NOT NULL REFERENCES inspection (id) ON DELETE RESTRICT,
                vehicle_id text NOT NULL,
                client_id text NOT NULL,
                item_id text NOT NULL,
                status text NOT NULL CHECK (status IN ('pass', 'fail', 'na', 'untested')),
                value double precision,
                choice text,
                text text,
                note text,
                recorded_at timestamptz NOT NULL,
                recorded_by text NOT NULL,
                laptop text NOT NULL,
                receipt bigint NOT NULL,
                PRIMARY KEY (id, version)
            )
            """,
            "CREATE INDEX result_by_vehicle_item ON result (vehicle_id, item_id)",
            "CREATE INDEX result_by_receipt ON result (receipt)",
            """
            CREATE TABLE audit (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id uuid NOT NULL UNIQUE,
                at timestamptz NOT NULL,
                who text NOT NULL,
                laptop text NOT NULL,
                entity text NOT NULL,
                entity_id text NOT NULL,
                vehicle_id text,
                old text,
                new text NOT NULL,
                receipt bigint
            )
            """,
            """
            CREATE TABLE photo (
                id uuid PRIMARY KEY,
                inspection_id uuid NOT NULL REFERENCES inspection (id) ON DELETE RESTRICT,
                vehicle_id text NOT NULL,
                client_id text NOT NULL,
                item_id text NOT NULL,
                content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
                bytes integer NOT NULL CHECK (bytes > 0),
                sha256 text NOT NULL,
                taken_at timestamptz NOT NULL,
                taken_by text NOT NULL,
                laptop text NOT NULL,
                data bytea NOT NULL CHECK (length(data) = bytes),
                receipt bigint NOT NULL
            )
            """,
            """
            CREATE TABLE published_plan (
                id uuid PRIMARY KEY,
                version integer NOT NULL,
                created_at timestamptz NOT NULL,
                published_at timestamptz NOT NULL,
                seed bigint NOT NULL,
                json text NOT NULL,
                inputs_sha256 text NOT NULL,
                input_files text,
                from_day text,
                publisher text NOT NULL REFERENCES enrolled_key (name),
                receipt bigint NOT NULL
            )
            """,
            // The office's Routes/ and Checklists/ files, kept by content: bundles are checked against the latest
            // set the office pushed, and a pull hands out the files the published plan lists.
            """
            CREATE TABLE catalog_file (
                path text NOT NULL CHECK (path ~ '^(Routes|Checklists)/[^/]+[.](yaml|yml|csv)$'),
                sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                content bytea NOT NULL,
                PRIMARY KEY (path, sha256)
            )
            """,
            """
            CREATE TABLE catalog_version (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                pushed_at timestamptz NOT NULL,
                pushed_by text NOT NULL REFERENCES enrolled_key (name),
                paths text[] NOT NULL,
                sha256s text[] NOT NULL
            )
            """,
            """
            CREATE TABLE hub_user (
                name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
                password_hash text NOT NULL,
                role text NOT NULL CHECK (role IN ('dispatcher', 'client')),
                client_id text CHECK ((role = 'client') = (client_id IS NOT NULL)),
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE hub_session (
                token_sha256 text PRIMARY KEY,
                user_name text NOT NULL REFERENCES hub_user (name) ON DELETE CASCADE,
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """,
            // The trail, the receipts and the results are appended to, never changed: the database refuses.
            """
            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the % table is append-only: % refused', TG_TABLE_NAME, TG_OP;
            END
            $$
            """,
            "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER receipt_append_only BEFORE UPDATE OR DELETE ON receipt FOR EACH ROW EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER receipt_no_truncate BEFORE TRUNCATE ON receipt FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER result_append_only BEFORE UPDATE OR DELETE ON result FOR EACH ROW EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER result_no_truncate BEFORE TRUNCATE ON result FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()",
        ])

    /// Signed requests already seen, by their signature, so that a request replayed within the five minutes a
    /// signature is good for is refused; older ones are refused by their time and forgotten.
    static let requestGuard = HubMigration(
        number: 2, name: "request guard",
        statements: [
            """
            CREATE TABLE seen_request (
                signature text PRIMARY KEY,
                key_name text NOT NULL,
                signed_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX seen_request_by_time ON seen_request (signed_at)",
        ])

    /// Row-level security for queries that serve one client organisation.
    ///
    /// Run as role `ecv_client` with `ecv.client` set (`HubDatabase.asClient`), a query sees that client's inspections, results and photos
    /// only. The hub's own role owns the tables and sees every row.
    static let clientRows = HubMigration(
        number: 3, name: "client rows",
        statements: [
            // Roles belong to the cluster, not the database: a second hub database in one cluster shares it, and
            // two databases migrating at once may both try to create it (the advisory lock is per database).
            """
            DO $$ BEGIN
                CREATE ROLE ecv_client NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """,
            "GRANT ecv_client TO CURRENT_USER",
            "GRANT SELECT ON inspection, result, photo TO ecv_client",
            "ALTER TABLE inspection ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE result ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE photo ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY inspection_of_client ON inspection FOR SELECT TO ecv_client
                USING (client_id = current_setting('ecv.client', true))
            """,
            """
            CREATE POLICY result_of_client ON result FOR SELECT TO ecv_client
                USING (client_id = current_setting('ecv.client', true))
            """,
            """
            CREATE POLICY photo_of_client ON photo FOR SELECT TO ecv_client
                USING (client_id = current_setting('ecv.client', true))
            """,
        ])

    /// What the dispatcher's sync page shows besides the receipts: bundles refused and why, and each key's last
    /// pull.
    static let syncHealth = HubMigration(
        number: 4, name: "sync health",
        statements: [
            // Every refused push, kept so that the office sees a laptop whose work does not arrive and why; the same
            // bytes pushed again at the next sync are another row.
            """
            CREATE TABLE refused_bundle (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                signer text NOT NULL REFERENCES enrolled_key (name),
                bytes bigint NOT NULL CHECK (bytes >= 0),
                refused_at timestamptz NOT NULL,
                reason text NOT NULL
            )
            """,
            "CREATE INDEX refused_bundle_by_time ON refused_bundle (refused_at)",
            """
            CREATE TABLE key_pull (
                key_name text PRIMARY KEY REFERENCES enrolled_key (name),
                last_pull_at timestamptz NOT NULL,
                cursor bigint NOT NULL
            )
            """,
        ])

    /// A push's rows and receipt written by one function in the database, so that the lock pushes take in turn is
    /// held while PostgreSQL writes, not while the hub and the database pass a dozen messages back and forth.
    ///
    /// The rows come as JSON arrays (`BatchedRows`): times as microseconds since 2000-01-01 UTC, photos' bytes in
    /// base64. It returns the receipt: the one already stored for the same bytes, or the new one.
    static let pushInOneStatement = HubMigration(
        number: 5, name: "push in one statement",
        statements: [
            """
            CREATE FUNCTION ecv_take_push(
                p_sha256 text, p_bundle_id uuid, p_signer text, p_received_at timestamptz, p_bundle bytea,
                p_teams text[], p_inspections jsonb, p_results jsonb, p_audit jsonb, p_photos jsonb, p_plan jsonb)
            RETURNS TABLE (o_new integer, o_already_here integer, o_conflicts integer)
            LANGUAGE plpgsql AS $$
            DECLARE
                v_epoch CONSTANT timestamptz := timestamptz '2000-01-01 00:00:00+00';
                v_seq bigint;
                v_new integer := 0;
                v_count integer;
                v_results_new integer;
                v_same integer := 0;
                v_results integer := jsonb_array_length(p_results);
            BEGIN
                PERFORM pg_advisory_xact_lock(\(HubDatabase.pushLock));
                -- The same bytes may have been taken while this push waited for the lock.
                RETURN QUERY SELECT r.new_rows, r.already_here, r.conflicts FROM receipt r WHERE r.sha256 = p_sha256;
                IF FOUND THEN
                    RETURN;
                END IF;
                v_seq := nextval(pg_get_serial_sequence('receipt', 'seq'));

                WITH added AS (
                    INSERT INTO inspection (id, vehicle_id, client_id, site_id, route_id, equipment, team_id, engineer,
                        laptop, started_at, finished_at, kind, checklists, receipt)
                    SELECT i.id, i.vehicle_id, i.client_id, i.site_id, i.route_id, i.equipment, i.team_id, i.engineer,
                        i.laptop, v_epoch + i.started_at * interval '1 microsecond',
                        v_epoch + i.finished_at * interval '1 microsecond', i.kind, i.checklists, v_seq
                    FROM jsonb_to_recordset(p_inspections) AS i(id uuid, vehicle_id text, client_id text, site_id text,
                        route_id text, equipment text, team_id text, engineer text, laptop text, started_at bigint,
                        finished_at bigint, kind text, checklists text)
                    ON CONFLICT (id) DO NOTHING RETURNING 1)
                SELECT count(*) INTO v_count FROM added;
                v_new := v_new + v_count;
                -- An inspection the hub had open, which this bundle ends.
                UPDATE inspection x SET finished_at = v_epoch + i.finished_at * interval '1 microsecond'
                FROM jsonb_to_recordset(p_inspections) AS i(id uuid, finished_at bigint)
                WHERE x.id = i.id AND x.receipt <> v_seq AND x.finished_at IS NULL AND i.finished_at IS NOT NULL;

                WITH added AS (
                    INSERT INTO result (id, version, inspection_id, vehicle_id, client_id, item_id, status, value,
                        choice, text, note, recorded_at, recorded_by, laptop, receipt)
                    SELECT r.id, r.version, r.inspection_id, r.vehicle_id, r.client_id, r.item_id, r.status, r.value,
                        r.choice, r.text, r.note, v_epoch + r.recorded_at * interval '1 microsecond', r.recorded_by,
                        r.laptop, v_seq
                    FROM jsonb_to_recordset(p_results) AS r(id uuid, version integer, inspection_id uuid,
                        vehicle_id text, client_id text, item_id text, status text, value double precision,
                        choice text, text text, note text, recorded_at bigint, recorded_by text, laptop text)
                    ON CONFLICT (id, version) DO NOTHING RETURNING 1)
                SELECT count(*) INTO v_results_new FROM added;
                v_new := v_new + v_results_new;
                IF v_results_new < v_results THEN
                    -- Rows not inserted were here before this push: the same answer, or a conflicting one.
                    SELECT count(*) INTO v_same FROM result x
                    JOIN jsonb_to_recordset(p_results) AS r(id uuid, version integer, status text,
                        value double precision, choice text, text text)
                      ON x.id = r.id AND x.version = r.version
                    WHERE x.receipt <> v_seq AND x.status = r.status AND x.value IS NOT DISTINCT FROM r.value
                      AND x.choice IS NOT DISTINCT FROM r.choice AND x.text IS NOT DISTINCT FROM r.text;
                END IF;

                WITH added AS (
                    INSERT INTO audit (id, at, who, laptop, entity, entity_id, vehicle_id, old, new, receipt)
                    SELECT a.id, v_epoch + a.at * interval '1 microsecond', a.who, a.laptop, a.entity, a.entity_id,
                        a.vehicle_id, a.old, a.new, v_seq
                    FROM jsonb_to_recordset(p_audit) AS a(id uuid, at bigint, who text, laptop text, entity text,
                        entity_id text, vehicle_id text, old text, new text)
                    ON CONFLICT (id) DO NOTHING RETURNING 1)
                SELECT count(*) INTO v_count FROM added;
                v_new := v_new + v_count;

                WITH added AS (
                    INSERT INTO photo (id, inspection_id, vehicle_id, client_id, item_id, content_type, bytes, sha256,
                        taken_at, taken_by, laptop, data, receipt)
                    SELECT p.id, p.inspection_id, p.vehicle_id, p.client_id, p.item_id, p.content_type, p.bytes,
                        p.sha256, v_epoch + p.taken_at * interval '1 microsecond', p.taken_by, p.laptop,
                        decode(p.data, 'base64'), v_seq
                    FROM jsonb_to_recordset(p_photos) AS p(id uuid, inspection_id uuid, vehicle_id text,
                        client_id text, item_id text, content_type text, bytes integer, sha256 text, taken_at bigint,
                        taken_by text, laptop text, data text)
                    ON CONFLICT (id) DO NOTHING RETURNING 1)
                SELECT count(*) INTO v_count FROM added;
                v_new := v_new + v_count;

                IF p_plan IS NOT NULL THEN
                    INSERT INTO published_plan (id, version, created_at, published_at, seed, json, inputs_sha256,
                        input_files, from_day, publisher, receipt)
                    SELECT pl.id, pl.version, v_epoch + pl.created_at * interval '1 microsecond',
                        v_epoch + pl.published_at * interval '1 microsecond', pl.seed, pl.json, pl.inputs_sha256,
                        pl.input_files, pl.from_day, p_signer, v_seq
                    FROM jsonb_to_record(p_plan) AS pl(id uuid, version integer, created_at bigint,
                        published_at bigint, seed bigint, json text, inputs_sha256 text, input_files text,
                        from_day text)
                    ON CONFLICT (id) DO NOTHING;
                END IF;

                INSERT INTO receipt (seq, sha256, bundle_id, signer, new_rows, already_here, conflicts, received_at,
                    bundle, teams)
                OVERRIDING SYSTEM VALUE
                VALUES (v_seq, p_sha256, p_bundle_id, p_signer, v_new, v_same, v_results - v_results_new - v_same,
                    p_received_at, p_bundle, p_teams);
                RETURN QUERY SELECT v_new, v_same, v_results - v_results_new - v_same;
            END
            $$
            """
        ])
}
