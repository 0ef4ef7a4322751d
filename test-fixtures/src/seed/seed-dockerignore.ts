// The .dockerignore the seed project ships: what a team writes after reading the course.

/**
 * The seed project's .dockerignore. Like most real ones it trusts `*.md`, `.env.*` and `.DS_Store` to match
 * everywhere, while Docker only applies them at the root: docs/*.md, test/fixtures/.env.test and src/.DS_Store ship.
 */
export const SEED_DOCKERIGNORE = `# .dockerignore for product-api
# The image runs \`npm install\` itself, and \`COPY . .\` copies whatever is left here.

# Dependencies (reinstalled inside the image)
node_modules

# Version control
.git

# Test reports
coverage

# Build output
dist

# Logs
logs
*.log
npm-debug.log*

# Local databases: dumps and backups never belong in an image
data

# Heap snapshots from debugging sessions
*.heapsnapshot

# Environment files (secrets!)
.env
.env.*
!.env.example

# Documentation
*.md
!README.md

# IDE and OS files
.vscode
.idea
.DS_Store
`;
