@echo off
@rem codexplugin wrapper: runs the codexplugin CLI that this project pins, as mvnw.cmd runs Maven. Written by
@rem `codexplugin init`; commit it with .codexplugin-wrapper\. Needs only a JDK 17+ (JAVA_HOME or java on PATH).
@rem The first run fetches the pinned CLI jar from the team's Maven repositories, checks its sha256 and caches it
@rem in %CODEXPLUGIN_HOME% (default %USERPROFILE%\.codexplugin)\wrapper\; later runs start the cached jar at once.
setlocal
set "CODEXPLUGIN_WRAPPER_DIR=%~dp0.codexplugin-wrapper"
set "CODEXPLUGIN_WRAPPER_PROPERTIES=%CODEXPLUGIN_WRAPPER_DIR%\codexplugin-wrapper.properties"
if not exist "%CODEXPLUGIN_WRAPPER_PROPERTIES%" (
  echo codexplugin wrapper: error: %CODEXPLUGIN_WRAPPER_PROPERTIES% is missing; run `codexplugin init` to write the wrapper's files 1>&2
  exit /b 1
)
set "CODEXPLUGIN_SHA256="
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%CODEXPLUGIN_WRAPPER_PROPERTIES%") do if "%%a"=="sha256" set "CODEXPLUGIN_SHA256=%%b"
if not defined CODEXPLUGIN_SHA256 (
  echo codexplugin wrapper: error: %CODEXPLUGIN_WRAPPER_PROPERTIES%: sha256= is missing; run `codexplugin init` again to pin the CLI 1>&2
  exit /b 1
)
if defined JAVA_HOME (set "CODEXPLUGIN_JAVA=%JAVA_HOME%\bin\java.exe") else (set "CODEXPLUGIN_JAVA=java")
if defined CODEXPLUGIN_HOME (set "CODEXPLUGIN_CACHE=%CODEXPLUGIN_HOME%\wrapper\dists") else (set "CODEXPLUGIN_CACHE=%USERPROFILE%\.codexplugin\wrapper\dists")
set "CODEXPLUGIN_JAR=%CODEXPLUGIN_CACHE%\%CODEXPLUGIN_SHA256%.jar"
if not exist "%CODEXPLUGIN_JAR%" (
  "%CODEXPLUGIN_JAVA%" "%CODEXPLUGIN_WRAPPER_DIR%\CodexpluginWrapper.java" "%CODEXPLUGIN_WRAPPER_PROPERTIES%" "%CODEXPLUGIN_JAR%" || exit /b 1
)
"%CODEXPLUGIN_JAVA%" %CODEXPLUGIN_OPTS% -jar "%CODEXPLUGIN_JAR%" %*
exit /b %ERRORLEVEL%
