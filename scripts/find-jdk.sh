# Sourced by ./bench and ./workbench: finds a JDK whose feature version is at least MIN_JAVA.
# The caller sets MIN_JAVA and PROGRAM (its name, for messages) before sourcing.

# The feature version of a java binary: 25 for "25.0.3" or "25-ea", 8 for "1.8.0_402"; 0 if it does not run.
java_feature_version() {
    local version
    version="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)" || true
    [[ -n "$version" ]] || { echo 0; return; }
    [[ "$version" == 1.* ]] && version="${version#1.}"
    version="${version%%[.+-]*}"
    [[ "$version" =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

# Prints the java binary to use: JAVA_HOME's when it is new enough, else the newest under /usr/lib/jvm.
find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
        && (( $(java_feature_version "$JAVA_HOME/bin/java") >= MIN_JAVA )); then
        echo "$JAVA_HOME/bin/java"
        return
    fi
    local best="" best_version=0 candidate version
    for candidate in /usr/lib/jvm/*/bin/java; do
        [[ -x "$candidate" ]] || continue
        version="$(java_feature_version "$candidate")"
        if (( version >= MIN_JAVA && version > best_version )); then
            best="$candidate"
            best_version="$version"
        fi
    done
    if [[ -z "$best" ]]; then
        echo "$PROGRAM: no JDK $MIN_JAVA or newer found: JAVA_HOME is ${JAVA_HOME:-unset} and none under /usr/lib/jvm." >&2
        echo "$PROGRAM: install one (e.g. Temurin $MIN_JAVA) or set JAVA_HOME to it." >&2
        exit 1
    fi
    echo "$best"
}

# The first of the given files or folders (searched recursively) that is newer than $1, or nothing.
first_newer_than() {
    local target="$1"
    shift
    find "$@" -type f -newer "$target" -print -quit 2>/dev/null || true
}
