-- Ids made in SQL (findings of AI-1 and AI-2, servers of an upsert import) are time-ordered like the ones the
-- service makes (TimeOrderedIds, RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits. Each new row
-- then goes to the right edge of the primary key, where random (version 4) ids sent each to a page of its own:
-- the 33,333 findings of a 100,000-row import took 1.5 s with random ids and 1.0 s with these (bench/README.md).
CREATE FUNCTION time_ordered_uuid() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
        52, 1), 53, 1), 'hex')::uuid
$$;
