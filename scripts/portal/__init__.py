"""The API portal: dist/ (reference page, bundled spec, the client's wheel) published as immutable versions.

The portal is a folder any static host that follows symbolic links can serve:

    <portal>/<version>/            one per release, never changed: index.html (Redoc, with a bar linking
                                   the other versions, latest/, the changelog and the downloads),
                                   openapi.yaml, openapi.json, release.json (its CHANGELOG.md entry),
                                   reference.md, the wheel and sdist if built, and changelog.html and
                                   changelog.md -> ../.current/changelog/<version>.{html,md}
    <portal>/index.html            every version, with links          -> .current/index.html
    <portal>/versions.json         the same, for machines             -> .current/versions.json
    <portal>/llms.txt, feed.atom   the same, for assistants and feed readers; favicon.svg
    <portal>/latest/               the newest version                 -> .current/latest -> ../../<version>
    <portal>/.well-known/api-catalog   RFC 9727 linkset               -> .current/.well-known/api-catalog
    <portal>/.current              -> .state/<hash>: the listing and the changelog pages, derived from
                                   the version folders (changes.json keeps the computed diffs)

A changelog page compares a version with the one before it by version number,
so publishing an older version later changes the page of the next one: the
pages are derived state, re-rendered into each new listing and switched with
it; only diffs whose pair of versions is new are computed (the rest come from
the current listing's changes.json, since version folders never change).

The package: release.py reads a release (dist/, and notes.py its CHANGELOG.md
entry); listing.py derives the listing, pages.py and reference.py render it;
state.py holds what the portal holds and switches it; cli.py is
`python -m scripts.publish`. File writes go through scripts/safe_write.py.

Why it survives crashes and races:
- One publisher at a time: a lock file in the portal (filelock); a second publisher
  waits --lock-timeout seconds, then fails (exit 4).
- A version folder is staged whole and renamed into place in one step, so one that is
  there is complete; rename(2) never replaces a non-empty folder, so it is immutable.
- The listing (index.html, versions.json, latest/, the catalog) is computed from the
  complete version folders, staged as .state/<hash>, and switched by renaming one
  symbolic link (.current): a reader sees the old listing or the new one, never a mix.
- Every run, under the lock, first removes what a killed run left half-done and
  re-derives the listing, so a killed publish is completed by the next run.
"""
