# ctipipe: one image, three services (the command picks one: ingester, mapper or sink).
# Build: docker build -t ctipipe .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /opt/ctipipe ctipipe \
    && mkdir -p /opt/ctipipe /var/lib/ctipipe \
    && chown ctipipe /var/lib/ctipipe
COPY --from=build /src/ctipipe-cli/target/ctipipe-cli.jar /opt/ctipipe/ctipipe.jar
COPY --from=build /src/ctipipe-cli/target/lib /opt/ctipipe/lib
COPY config/healthcheck.sh /opt/ctipipe/healthcheck.sh
USER ctipipe
WORKDIR /var/lib/ctipipe
# JAVA_OPTS: C1 only, as the ctipipe launcher (README, Performance); override to change it.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dsun.net.httpserver.nodelay=true -jar /opt/ctipipe/ctipipe.jar \"$@\"", "ctipipe"]
CMD ["--help"]
