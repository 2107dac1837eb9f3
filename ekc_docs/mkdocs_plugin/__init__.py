"""The MkDocs plugin `ekc`: adds the generated pages to a build. It only routes events."""
