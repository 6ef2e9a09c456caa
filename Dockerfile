# The dashboard as one container: `docker build -t briefing .` then `docker run -p 8501:8501 briefing`.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

WORKDIR /app

# Debian's Chromium draws the pictures of the slides (kaleido) and prints the PDF pack (Playwright); nothing else
# needs it, and no browser is downloaded at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*
ENV BROWSER_PATH=/usr/bin/chromium

# Dependencies first: editing the app or the briefs does not reinstall them.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# Editable, so `briefing` keeps resolving data/ and seeds/ next to its own source in /app.
# Validating here stops an image with a broken brief from being built at all.
RUN pip install --no-deps -e . \
    && python -m briefing validate \
    && useradd --create-home --uid 10001 briefing

USER briefing
EXPOSE 8501

# Streamlit's own health endpoint, under the base URL path when STREAMLIT_SERVER_BASE_URL_PATH is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; base = os.environ.get('STREAMLIT_SERVER_BASE_URL_PATH', '').strip('/'); urllib.request.urlopen('http://127.0.0.1:8501/' + (base + '/' if base else '') + '_stcore/health', timeout=4)"

CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
