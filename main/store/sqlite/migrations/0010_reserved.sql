-- Reserved: this number belongs to a migration of a branch merged before phrase-comments; this
-- placeholder only keeps the numbering whole on that branch and goes when the real one comes.
SELECT 1;
