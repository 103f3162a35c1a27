CREATE TABLE "dash_funnel_rollup" (
	"prefix" text NOT NULL,
	"year" smallint NOT NULL,
	"stage" text NOT NULL,
	"individuals" integer DEFAULT 0 NOT NULL,
	"collectives" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dash_funnel_rollup_prefix_year_stage_pk" PRIMARY KEY("prefix","year","stage")
);
--> statement-breakpoint
CREATE TABLE "dash_nomination_reach" (
	"nomination_id" bigint NOT NULL,
	"stage" text NOT NULL,
	CONSTRAINT "dash_nomination_reach_nomination_id_stage_pk" PRIMARY KEY("nomination_id","stage")
);
--> statement-breakpoint
-- The dashboard's funnel (issue 10, national scale): dash_funnel_rollup answers baseFunnel (dashboard.base.ts)
-- for the records as they stand now, per subtree prefix (vd_path_prefixes, migration 0022), year and
-- stage. Registrations count while in force and not returned; a nomination counts once in each stage it
-- reached (its first event of the kind inserts its dash_nomination_reach row, and only that insertion
-- adds it), in DECIDED only while no REVOKED event exists (a revocation after the decision takes it out,
-- a decision recorded after a revocation never adds it).
CREATE TYPE vd_dash_funnel_delta AS (year smallint, scope_path text, stage text, individuals int, collectives int);--> statement-breakpoint
-- Additive upserts per subtree, year and stage, in key order (concurrent writers cannot deadlock). The
-- deltas come pre-aggregated per scope path: a statement of 100,000 rows gives a few hundred here.
CREATE OR REPLACE FUNCTION vd_dash_funnel_apply(d vd_dash_funnel_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(d), 0) = 0 THEN RETURN; END IF;
  INSERT INTO dash_funnel_rollup AS t (prefix, year, stage, individuals, collectives)
  SELECT p.prefix, x.year, x.stage, sum(x.individuals), sum(x.collectives)
  FROM unnest(d) x CROSS JOIN LATERAL vd_path_prefixes(x.scope_path) AS p(prefix)
  GROUP BY 1, 2, 3
  HAVING sum(x.individuals) <> 0 OR sum(x.collectives) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (prefix, year, stage) DO UPDATE SET
    individuals = t.individuals + excluded.individuals, collectives = t.collectives + excluded.collectives;
END $$;--> statement-breakpoint
-- Registrations: what the statement's new rows count minus what its old rows counted (unchanged rows
-- cancel out; the upsert skips nets of zero).
CREATE OR REPLACE FUNCTION vd_dash_registration_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_funnel_apply(array(
    SELECT ROW(n.year, n.scope_path, 'REGISTERED', count(n.person_id), count(n.org_id))::vd_dash_funnel_delta
    FROM vd_new n WHERE n.status = 'ACTIVE' AND n.review_status <> 'RETURNED' GROUP BY n.year, n.scope_path));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_dash_registration_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_funnel_apply(array(
    SELECT ROW(x.year, x.scope_path, 'REGISTERED', sum(x.i), sum(x.c))::vd_dash_funnel_delta
    FROM (
      SELECT o.year, o.scope_path, -count(o.person_id) AS i, -count(o.org_id) AS c
      FROM vd_old o WHERE o.status = 'ACTIVE' AND o.review_status <> 'RETURNED' GROUP BY 1, 2
      UNION ALL
      SELECT n.year, n.scope_path, count(n.person_id), count(n.org_id)
      FROM vd_new n WHERE n.status = 'ACTIVE' AND n.review_status <> 'RETURNED' GROUP BY 1, 2
    ) x GROUP BY x.year, x.scope_path HAVING sum(x.i) <> 0 OR sum(x.c) <> 0));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_dash_registration_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_funnel_apply(array(
    SELECT ROW(o.year, o.scope_path, 'REGISTERED', -count(o.person_id), -count(o.org_id))::vd_dash_funnel_delta
    FROM vd_old o WHERE o.status = 'ACTIVE' AND o.review_status <> 'RETURNED' GROUP BY o.year, o.scope_path));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER emulation_registration_dash_ins AFTER INSERT ON emulation_registration REFERENCING NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_registration_inserted();--> statement-breakpoint
CREATE TRIGGER emulation_registration_dash_upd AFTER UPDATE ON emulation_registration REFERENCING OLD TABLE AS vd_old NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_registration_updated();--> statement-breakpoint
CREATE TRIGGER emulation_registration_dash_del AFTER DELETE ON emulation_registration REFERENCING OLD TABLE AS vd_old FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_registration_deleted();--> statement-breakpoint
-- The stage an event kind marks (FUNNEL_EVENT in dashboard.base.ts), REVOKED for a revoked decision.
CREATE OR REPLACE FUNCTION vd_dash_event_stage(kind text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE kind WHEN 'SUBMITTED' THEN 'NOMINATED' WHEN 'APPRAISED' THEN 'APPRAISED' WHEN 'COUNCIL_PASSED' THEN 'COUNCIL'
                   WHEN 'AWARDED' THEN 'DECIDED' WHEN 'REVOKED' THEN 'REVOKED' END
$$;--> statement-breakpoint
-- Events: the first reach of each stage adds the nomination (DECIDED only without a revocation, old or
-- in the same statement); the first revocation of a decided nomination takes it out of DECIDED. The
-- reach rows read here are those before the statement (a data-modifying WITH is not seen by its
-- siblings). Decisions and revocations of one nomination are serialised by locking its row (a row lock
-- lives in the row, not in the lock table), so that each sees the other's reach once committed.
CREATE OR REPLACE FUNCTION vd_dash_event_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM nomination n
  WHERE n.id IN (SELECT e.nomination_id FROM vd_new e WHERE e.kind IN ('AWARDED', 'REVOKED'))
  ORDER BY n.id FOR NO KEY UPDATE;
  WITH ev AS (
    SELECT DISTINCT e.nomination_id, vd_dash_event_stage(e.kind) AS stage
    FROM vd_new e WHERE vd_dash_event_stage(e.kind) IS NOT NULL
  ), ins AS (
    INSERT INTO dash_nomination_reach (nomination_id, stage)
    SELECT nomination_id, stage FROM ev ORDER BY 1, 2
    ON CONFLICT DO NOTHING RETURNING nomination_id, stage
  ), delta AS (
    SELECT i.nomination_id, i.stage, 1 AS sign FROM ins i WHERE i.stage IN ('NOMINATED', 'APPRAISED', 'COUNCIL')
    UNION ALL
    SELECT i.nomination_id, 'DECIDED', 1 FROM ins i
    WHERE i.stage = 'DECIDED'
      AND NOT EXISTS (SELECT 1 FROM ins j WHERE j.nomination_id = i.nomination_id AND j.stage = 'REVOKED')
      AND NOT EXISTS (SELECT 1 FROM dash_nomination_reach r WHERE r.nomination_id = i.nomination_id AND r.stage = 'REVOKED')
    UNION ALL
    SELECT i.nomination_id, 'DECIDED', -1 FROM ins i
    WHERE i.stage = 'REVOKED'
      AND EXISTS (SELECT 1 FROM dash_nomination_reach r WHERE r.nomination_id = i.nomination_id AND r.stage = 'DECIDED')
  ), per_path AS (
    SELECT nr.year, n.subject_path, d.stage,
           coalesce(sum(d.sign) FILTER (WHERE n.person_id IS NOT NULL), 0) AS i, coalesce(sum(d.sign) FILTER (WHERE n.person_id IS NULL), 0) AS c
    FROM delta d JOIN nomination n ON n.id = d.nomination_id JOIN nomination_round nr ON nr.id = n.round_id
    GROUP BY 1, 2, 3
  )
  INSERT INTO dash_funnel_rollup AS t (prefix, year, stage, individuals, collectives)
  SELECT p.prefix, x.year, x.stage, sum(x.i), sum(x.c)
  FROM per_path x CROSS JOIN LATERAL vd_path_prefixes(x.subject_path) AS p(prefix)
  GROUP BY 1, 2, 3
  HAVING sum(x.i) <> 0 OR sum(x.c) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (prefix, year, stage) DO UPDATE SET
    individuals = t.individuals + excluded.individuals, collectives = t.collectives + excluded.collectives;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER nomination_event_dash_ins AFTER INSERT ON nomination_event REFERENCING NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_event_inserted();--> statement-breakpoint
-- Recomputes the funnel rollup and the reaches from the registrations and events, set-based (after a
-- bulk load, or as a repair). Writers of registrations and events wait while it runs.
CREATE OR REPLACE FUNCTION vd_dash_funnel_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE emulation_registration, nomination_event IN SHARE MODE;
  TRUNCATE dash_funnel_rollup, dash_nomination_reach;
  INSERT INTO dash_nomination_reach (nomination_id, stage)
  SELECT DISTINCT e.nomination_id, vd_dash_event_stage(e.kind) FROM nomination_event e
  WHERE e.kind IN ('SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'AWARDED', 'REVOKED') ORDER BY 1, 2;
  INSERT INTO dash_funnel_rollup (prefix, year, stage, individuals, collectives)
  SELECT p.prefix, a.year, a.stage, sum(a.i), sum(a.c)
  FROM (
    SELECT g.scope_path, g.year, 'REGISTERED' AS stage, count(g.person_id) AS i, count(g.org_id) AS c
    FROM emulation_registration g WHERE g.status = 'ACTIVE' AND g.review_status <> 'RETURNED' GROUP BY 1, 2
    UNION ALL
    SELECT n.subject_path, nr.year, r.stage, count(*) FILTER (WHERE n.person_id IS NOT NULL), count(*) FILTER (WHERE n.person_id IS NULL)
    FROM dash_nomination_reach r JOIN nomination n ON n.id = r.nomination_id JOIN nomination_round nr ON nr.id = n.round_id
    WHERE r.stage <> 'REVOKED'
      AND NOT (r.stage = 'DECIDED' AND EXISTS (SELECT 1 FROM dash_nomination_reach v WHERE v.nomination_id = r.nomination_id AND v.stage = 'REVOKED'))
    GROUP BY 1, 2, 3
  ) a CROSS JOIN LATERAL vd_path_prefixes(a.scope_path) AS p(prefix)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
END $$;--> statement-breakpoint
SELECT vd_dash_funnel_rebuild();
