# syntax=docker/dockerfile:1

# Build stage: install the project and its dependencies into a virtual environment that the
# runtime stage copies as is (same base image, so the same Python at the same path).
FROM python:3.11.13-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY knowledge ./knowledge
RUN pip install --no-cache-dir .


FROM python:3.11.13-slim-bookworm

# MPLCONFIGDIR: matplotlib (the /tiendo chart) keeps its font cache there; the bot's user
# has no home folder to write one in.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLCONFIGDIR=/tmp/matplotlib

RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin bot

# The settings' defaults are relative to /app: knowledge/resolution.yaml and
# data/resolution-bot.sqlite3, so both folders below work without any variable set.
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown bot:bot /app/data

# data: the SQLite database (when DATABASE_URL is not PostgreSQL).
# knowledge: mount a newer resolution here and send /taila to reload it.
VOLUME ["/app/data", "/app/knowledge"]

# Numeric, so orchestrators can check the image does not run as root.
USER 10001:10001

# Only used in webhook mode (WEBHOOK_URL set; then WEBHOOK_LISTEN=0.0.0.0 in a container).
EXPOSE 8443

# A long-polling bot has no port to probe. The bot migrates its database at start, so
# "the database answers and is at the newest migration" means the start succeeded and the
# storage every command depends on still works; a dead bot process stops the container.
HEALTHCHECK --interval=60s --timeout=15s --start-period=60s --retries=3 \
    CMD ["resolution-bot", "db", "check"]

ENTRYPOINT ["resolution-bot"]
CMD ["run"]
