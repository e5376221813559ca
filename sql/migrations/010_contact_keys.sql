-- Contact key rotation (issue 5 item 7; README "Rotating the contact key").
-- A sealed contact value names the contact key that sealed it in its first
-- five bytes (lib/secret.h), so the sealed tables keep their columns and old
-- values keep opening with key 0, the one derived from the master key.
--
-- This is the history of `deskctl rotate-contact-key` runs: the key each run
-- re-sealed under, whether the run created it (0: it went on with a rotation
-- an earlier run left unfinished), when it ran, how many rows it re-sealed
-- and how many it found still under an older key at the end (NULL while it
-- runs, or when it stopped before the end). The command reads the last run of
-- a key to say that it resumes one (ix_rotations_key).

CREATE TABLE contact_key_rotations (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  key_id INT UNSIGNED NOT NULL,
  created_key TINYINT(1) NOT NULL DEFAULT 0,
  started_at DATETIME NOT NULL,
  finished_at DATETIME NULL,
  resealed BIGINT UNSIGNED NOT NULL DEFAULT 0,
  left_behind BIGINT UNSIGNED NULL,
  KEY ix_rotations_key (key_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
