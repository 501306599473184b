"""What a document says: its Q&A structure, referrals, footnotes, prose and words."""
