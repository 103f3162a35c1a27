CREATE TABLE "dash_award_rollup" (
	"prefix" text NOT NULL,
	"year" smallint NOT NULL,
	"award_code" text NOT NULL,
	"individuals" integer DEFAULT 0 NOT NULL,
	"non_leader" integer DEFAULT 0 NOT NULL,
	"direct_worker" integer DEFAULT 0 NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"collectives" integer DEFAULT 0 NOT NULL,
	"small" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dash_award_rollup_prefix_year_award_code_pk" PRIMARY KEY("prefix","year","award_code")
);
--> statement-breakpoint
CREATE TABLE "dash_streak_count" (
	"prefix" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"run" smallint NOT NULL,
	"subjects" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dash_streak_count_prefix_year_kind_run_pk" PRIMARY KEY("prefix","year","kind","run"),
	CONSTRAINT "dash_streak_count_kind_ck" CHECK ("dash_streak_count"."kind" in ('P','U'))
);
--> statement-breakpoint
CREATE TABLE "dash_subject_run" (
	"subject" bigint NOT NULL,
	"year" smallint NOT NULL,
	"run" smallint NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "dash_subject_run_subject_year_pk" PRIMARY KEY("subject","year")
);
--> statement-breakpoint
CREATE INDEX "dash_subject_run_top_idx" ON "dash_subject_run" USING btree ("year","run","name" collate "vi-x-icu","subject");--> statement-breakpoint
-- Every organisation path prefix of a scope path: '/1/5/23/' gives '/1/', '/1/5/' and '/1/5/23/'. A
-- rollup row keyed by a prefix answers exactly what `scope_path like prefix || '%'` would.
CREATE OR REPLACE FUNCTION vd_path_prefixes(p text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '/' || array_to_string(s.a[1:k], '/') || '/'
  FROM (SELECT string_to_array(btrim(p, '/'), '/') AS a) s, generate_series(1, cardinality(s.a)) AS k
$$;--> statement-breakpoint
-- One award record entering (+1) or leaving (-1) the records in force, as the rollups see it.
CREATE TYPE vd_dash_delta AS (
  sign int, subject bigint, year smallint, scope_path text, award_code text,
  is_person boolean, non_leader boolean, direct_worker boolean, women boolean, small boolean
);--> statement-breakpoint
-- Applies a statement's deltas: additive upserts per subtree, year and code (in key order, so that
-- concurrent signings cannot deadlock), then the runs of the subjects touched, recomputed from their
-- records under an advisory lock on the subject's bucket (a concurrent transaction touching the same subject waits
-- and then sees the committed rows: each query of this function takes a fresh snapshot).
CREATE OR REPLACE FUNCTION vd_dash_apply(d vd_dash_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  subs bigint[];
  s bigint;
BEGIN
  IF coalesce(cardinality(d), 0) = 0 THEN RETURN; END IF;
  INSERT INTO dash_award_rollup AS t (prefix, year, award_code, individuals, non_leader, direct_worker, women, collectives, small)
  SELECT p.prefix, x.year, x.award_code,
         sum(CASE WHEN x.is_person THEN x.sign ELSE 0 END),
         sum(CASE WHEN x.is_person AND x.non_leader THEN x.sign ELSE 0 END),
         sum(CASE WHEN x.is_person AND x.direct_worker THEN x.sign ELSE 0 END),
         sum(CASE WHEN x.is_person AND x.women THEN x.sign ELSE 0 END),
         sum(CASE WHEN NOT x.is_person THEN x.sign ELSE 0 END),
         sum(CASE WHEN NOT x.is_person AND x.small THEN x.sign ELSE 0 END)
  FROM unnest(d) x CROSS JOIN LATERAL vd_path_prefixes(x.scope_path) AS p(prefix)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (prefix, year, award_code) DO UPDATE SET
    individuals = t.individuals + excluded.individuals, non_leader = t.non_leader + excluded.non_leader,
    direct_worker = t.direct_worker + excluded.direct_worker, women = t.women + excluded.women,
    collectives = t.collectives + excluded.collectives, small = t.small + excluded.small;

  SELECT array_agg(DISTINCT x.subject ORDER BY x.subject) INTO subs FROM unnest(d) x;
  -- Locks per bucket of subjects (64 buckets, in order), not per subject: a statement recording
  -- 100,000 awards would otherwise exhaust PostgreSQL's shared lock table (max_locks_per_transaction).
  FOR s IN SELECT DISTINCT ((u % 64) + 64) % 64 FROM unnest(subs) u ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(7263022, s::int);
  END LOOP;

  WITH dl AS (
    SELECT x.subject, x.year, x.scope_path, sum(x.sign)::int AS n FROM unnest(d) x GROUP BY 1, 2, 3
  ), cur AS (
    SELECT r.person_id AS subject, r.year, r.scope_path, count(*)::int AS n FROM award_record r
    WHERE r.status = 'ACTIVE' AND r.person_id = ANY (subs) GROUP BY 1, 2, 3
    UNION ALL
    SELECT -r.org_id, r.year, r.scope_path, count(*)::int FROM award_record r
    WHERE r.status = 'ACTIVE' AND r.org_id = ANY (SELECT -u FROM unnest(subs) u WHERE u < 0) GROUP BY 1, 2, 3
  ), st AS (
    SELECT coalesce(c.subject, dl.subject) AS subject, coalesce(c.year, dl.year) AS year, coalesce(c.scope_path, dl.scope_path) AS scope_path,
           coalesce(c.n, 0) AS n_new, coalesce(c.n, 0) - coalesce(dl.n, 0) AS n_old
    FROM cur c FULL JOIN dl ON dl.subject = c.subject AND dl.year = c.year AND dl.scope_path = c.scope_path
  ), pres AS (
    SELECT 0 AS v, subject, year, scope_path FROM st WHERE n_old > 0
    UNION ALL
    SELECT 1, subject, year, scope_path FROM st WHERE n_new > 0
  ), yrs AS (
    SELECT DISTINCT v, subject, year FROM pres
  ), runs AS (
    SELECT v, subject, year, (count(*) OVER (PARTITION BY v, subject, grp ORDER BY year))::int AS run
    FROM (SELECT v, subject, year, year - row_number() OVER (PARTITION BY v, subject ORDER BY year) AS grp FROM yrs) i
  ), up AS (
    INSERT INTO dash_subject_run AS t (subject, year, run, name)
    SELECT r.subject, r.year, r.run, coalesce(p.full_name, o.name, '')
    FROM runs r LEFT JOIN person p ON r.subject > 0 AND p.id = r.subject LEFT JOIN organisation o ON r.subject < 0 AND o.id = -r.subject
    WHERE r.v = 1 AND r.run >= 2 ORDER BY 1, 2
    ON CONFLICT (subject, year) DO UPDATE SET run = excluded.run WHERE t.run <> excluded.run
  ), gone AS (
    DELETE FROM dash_subject_run t USING (
      SELECT subject, year FROM yrs EXCEPT SELECT subject, year FROM runs WHERE v = 1 AND run >= 2
    ) g WHERE t.subject = g.subject AND t.year = g.year
  ), contrib AS (
    SELECT DISTINCT p.v, p.subject, p.year, pf.prefix, r.run
    FROM pres p JOIN runs r ON r.v = p.v AND r.subject = p.subject AND r.year = p.year
    CROSS JOIN LATERAL vd_path_prefixes(p.scope_path) AS pf(prefix)
    WHERE r.run >= 2
  ), delta AS (
    SELECT prefix, year, CASE WHEN subject > 0 THEN 'P' ELSE 'U' END AS kind, run::smallint AS run, sum(CASE WHEN v = 1 THEN 1 ELSE -1 END)::int AS n
    FROM contrib GROUP BY 1, 2, 3, 4
  )
  INSERT INTO dash_streak_count AS t (prefix, year, kind, run, subjects)
  SELECT prefix, year, kind, run, n FROM delta WHERE n <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (prefix, year, kind, run) DO UPDATE SET subjects = t.subjects + excluded.subjects;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_dash_award_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_apply(array(
    SELECT ROW(1, coalesce(n.person_id, -n.org_id), n.year, n.scope_path, n.award_code, n.person_id IS NOT NULL,
               n.subject_is_leader IS FALSE, n.subject_is_direct_worker IS TRUE, coalesce(n.subject_gender = 'FEMALE', false), n.subject_small IS TRUE)::vd_dash_delta
    FROM vd_new n WHERE n.status = 'ACTIVE'));
  RETURN NULL;
END $$;--> statement-breakpoint
-- Only changes that matter: into or out of ACTIVE, or an active row whose counted columns changed.
CREATE OR REPLACE FUNCTION vd_dash_award_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_apply(array(
    WITH chg AS (
      SELECT o.person_id AS o_person, o.org_id AS o_org, o.year AS o_year, o.scope_path AS o_path, o.award_code AS o_code, o.status = 'ACTIVE' AS o_live,
             o.subject_is_leader AS o_leader, o.subject_is_direct_worker AS o_direct, o.subject_gender AS o_gender, o.subject_small AS o_small,
             n.person_id AS n_person, n.org_id AS n_org, n.year AS n_year, n.scope_path AS n_path, n.award_code AS n_code, n.status = 'ACTIVE' AS n_live,
             n.subject_is_leader AS n_leader, n.subject_is_direct_worker AS n_direct, n.subject_gender AS n_gender, n.subject_small AS n_small
      FROM vd_old o JOIN vd_new n ON n.id = o.id
      WHERE (o.status = 'ACTIVE') <> (n.status = 'ACTIVE')
         OR (o.status = 'ACTIVE' AND (o.person_id, o.org_id, o.year, o.scope_path, o.award_code, o.subject_is_leader, o.subject_is_direct_worker, o.subject_gender, o.subject_small)
             IS DISTINCT FROM (n.person_id, n.org_id, n.year, n.scope_path, n.award_code, n.subject_is_leader, n.subject_is_direct_worker, n.subject_gender, n.subject_small))
    )
    SELECT ROW(-1, coalesce(o_person, -o_org), o_year, o_path, o_code, o_person IS NOT NULL,
               o_leader IS FALSE, o_direct IS TRUE, coalesce(o_gender = 'FEMALE', false), o_small IS TRUE)::vd_dash_delta
    FROM chg WHERE o_live
    UNION ALL
    SELECT ROW(1, coalesce(n_person, -n_org), n_year, n_path, n_code, n_person IS NOT NULL,
               n_leader IS FALSE, n_direct IS TRUE, coalesce(n_gender = 'FEMALE', false), n_small IS TRUE)::vd_dash_delta
    FROM chg WHERE n_live));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_dash_award_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vd_dash_apply(array(
    SELECT ROW(-1, coalesce(o.person_id, -o.org_id), o.year, o.scope_path, o.award_code, o.person_id IS NOT NULL,
               o.subject_is_leader IS FALSE, o.subject_is_direct_worker IS TRUE, coalesce(o.subject_gender = 'FEMALE', false), o.subject_small IS TRUE)::vd_dash_delta
    FROM vd_old o WHERE o.status = 'ACTIVE'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER award_record_dash_ins AFTER INSERT ON award_record REFERENCING NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_award_inserted();--> statement-breakpoint
CREATE TRIGGER award_record_dash_upd AFTER UPDATE ON award_record REFERENCING OLD TABLE AS vd_old NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_award_updated();--> statement-breakpoint
CREATE TRIGGER award_record_dash_del AFTER DELETE ON award_record REFERENCING OLD TABLE AS vd_old FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_award_deleted();--> statement-breakpoint
-- The top list is read in name order from dash_subject_run: a person or unit renamed is renamed there.
CREATE OR REPLACE FUNCTION vd_dash_person_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dash_subject_run t SET name = n.full_name
  FROM vd_new n JOIN vd_old o ON o.id = n.id
  WHERE n.full_name IS DISTINCT FROM o.full_name AND t.subject = n.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vd_dash_org_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dash_subject_run t SET name = n.name
  FROM vd_new n JOIN vd_old o ON o.id = n.id
  WHERE n.name IS DISTINCT FROM o.name AND t.subject = -n.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER person_dash_name AFTER UPDATE ON person REFERENCING OLD TABLE AS vd_old NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_person_renamed();--> statement-breakpoint
CREATE TRIGGER organisation_dash_name AFTER UPDATE ON organisation REFERENCING OLD TABLE AS vd_old NEW TABLE AS vd_new FOR EACH STATEMENT EXECUTE FUNCTION vd_dash_org_renamed();--> statement-breakpoint
-- Recomputes every rollup from the records in force, set-based (after a bulk load, or as a repair).
-- Writers to award_record wait while it runs.
CREATE OR REPLACE FUNCTION vd_dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE award_record IN SHARE MODE;
  TRUNCATE dash_award_rollup, dash_subject_run, dash_streak_count;
  INSERT INTO dash_award_rollup (prefix, year, award_code, individuals, non_leader, direct_worker, women, collectives, small)
  SELECT p.prefix, a.year, a.award_code, sum(a.individuals), sum(a.non_leader), sum(a.direct_worker), sum(a.women), sum(a.collectives), sum(a.small)
  FROM (
    SELECT r.scope_path, r.year, r.award_code, count(r.person_id) AS individuals,
           count(r.person_id) FILTER (WHERE r.subject_is_leader IS FALSE) AS non_leader,
           count(r.person_id) FILTER (WHERE r.subject_is_direct_worker) AS direct_worker,
           count(r.person_id) FILTER (WHERE r.subject_gender = 'FEMALE') AS women,
           count(r.org_id) AS collectives, count(r.org_id) FILTER (WHERE r.subject_small) AS small
    FROM award_record r WHERE r.status = 'ACTIVE' GROUP BY 1, 2, 3
  ) a CROSS JOIN LATERAL vd_path_prefixes(a.scope_path) AS p(prefix)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
  INSERT INTO dash_subject_run (subject, year, run, name)
  SELECT x.subject, x.year, x.run, coalesce(p.full_name, o.name, '') FROM (
    SELECT subject, year, (count(*) OVER (PARTITION BY subject, grp ORDER BY year))::int AS run
    FROM (
      SELECT subject, year, year - row_number() OVER (PARTITION BY subject ORDER BY year) AS grp
      FROM (SELECT DISTINCT coalesce(r.person_id, -r.org_id) AS subject, r.year FROM award_record r WHERE r.status = 'ACTIVE') y
    ) i
  ) x LEFT JOIN person p ON x.subject > 0 AND p.id = x.subject LEFT JOIN organisation o ON x.subject < 0 AND o.id = -x.subject
  WHERE x.run >= 2 ORDER BY 1, 2;
  INSERT INTO dash_streak_count (prefix, year, kind, run, subjects)
  SELECT p.prefix, s.year, CASE WHEN s.subject > 0 THEN 'P' ELSE 'U' END, s.run, count(DISTINCT s.subject)
  FROM (SELECT DISTINCT coalesce(r.person_id, -r.org_id) AS subject, r.year, r.scope_path FROM award_record r WHERE r.status = 'ACTIVE') x
  JOIN dash_subject_run s ON s.subject = x.subject AND s.year = x.year
  CROSS JOIN LATERAL vd_path_prefixes(x.scope_path) AS p(prefix)
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
END $$;--> statement-breakpoint
SELECT vd_dash_rebuild();
