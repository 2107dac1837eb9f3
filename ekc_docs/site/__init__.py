"""Pages and files for the site, generated without MkDocs.

The MkDocs plugin adds them to a build; `ekc site` writes them to disk as a pre-build step for
tools that run no MkDocs plugins (Material's successor Zensical reads mkdocs.yml but not them).
"""
