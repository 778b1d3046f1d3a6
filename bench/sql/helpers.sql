-- bench/run loads this into the benchmark database after the API has migrated it.
-- bench_clone copies one row of a table n times; overrides maps a column to an SQL expression over the
-- template row t and the copy's number i (1..n). Columns not named keep the template's value, so the
-- copies are real rows the API wrote, not hand-made ones that could drift from the schema.
CREATE OR REPLACE FUNCTION bench_clone(tbl text, template uuid, n int, overrides jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  cols text;
  exprs text;
  copied bigint;
BEGIN
  SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position),
         string_agg(coalesce(overrides ->> column_name, format('t.%I', column_name)), ', ' ORDER BY ordinal_position)
    INTO cols, exprs
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = tbl AND is_identity = 'NO';
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I t, generate_series(1, %s) AS i WHERE t."Id" = %L',
                 tbl, cols, exprs, tbl, n, template);
  GET DIAGNOSTICS copied = ROW_COUNT;
  RETURN copied;
END $$;
