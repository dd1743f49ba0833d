/** Audit log schemas and repositories (issue 6). */
export {};
