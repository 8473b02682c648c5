import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generalise, personalNames } from "./generalise";

const fence = (lang: string, body: string) => "```" + lang + "\n" + body + "\n```";

describe("personalNames", () => {
  it("finds the accounts in home paths, not those of images and CI", () => {
    const text = "cd /Users/jdoe/dev; ls /home/runner/work /home/ubuntu /home/al /home/$USER /home/mkim/x";
    expect(personalNames([text])).toEqual(["jdoe", "mkim"]);
  });

  it("does not count a name that only appears inside containers", () => {
    const guide = [
      'docker run -it --rm -v "$PWD":/home/jovyan/work -v "$PWD":/home/nbuser/work quay.io/jupyter/base-notebook',
      fence("dockerfile", "FROM quay.io/jupyter/base-notebook\nWORKDIR /home/nbuser/work"),
      "`podman exec nb ls /home/nbuser/work`",
      "kubectl exec -n ci runner-0 -- ls /home/ciuser/cache",
      "docker cp nb:/home/nbuser/out.csv .",
      fence("yaml", "volumeMounts:\n  - name: work\n    mountPath: /home/nbuser/work"),
    ].join("\n\n");
    expect(personalNames([guide])).toEqual([]);
  });

  it("still counts a name the guide's own host paths show", () => {
    const guide = "docker run -v /home/jdoe/data:/home/jdoe/data img\n\n`ls /home/jdoe`";
    expect(personalNames([guide])).toEqual(["jdoe"]);
  });
});

describe("generalise", () => {
  it("replaces home paths with $HOME and the bare name with $USER", () => {
    expect(generalise("cd /Users/jdoe/dev && echo jdoe:100000:65536 >> /etc/subuid", ["jdoe"])).toBe(
      "cd $HOME/dev && echo $USER:100000:65536 >> /etc/subuid",
    );
    expect(generalise("/home/jdoe.bak and jdoe-old and xjdoe", ["jdoe"])).toBe(
      "/home/$USER.bak and jdoe-old and xjdoe",
    );
    expect(generalise("nothing here", [])).toBe("nothing here");
    // A name that is also a path component elsewhere stays there: /dev/kvm is not anyone's.
    expect(generalise("open /dev/kvm as alex, or /srv/alex/data", ["alex", "dev"])).toBe(
      "open /dev/kvm as $USER, or /srv/alex/data",
    );
  });

  it("leaves the container side of a volume alone", () => {
    const names = ["jdoe"];
    expect(generalise('docker run -v "$PWD":/home/jdoe/work -v /home/jdoe/data:/home/jdoe/data img', names)).toBe(
      'docker run -v "$PWD":/home/jdoe/work -v $HOME/data:/home/jdoe/data img',
    );
    expect(generalise("podman run --volume=/home/jdoe/x:/home/jdoe/x:Z img", names)).toBe(
      "podman run --volume=$HOME/x:/home/jdoe/x:Z img",
    );
    expect(generalise("docker run --mount type=bind,source=/home/jdoe/src,target=/home/jdoe/src img", names)).toBe(
      "docker run --mount type=bind,source=$HOME/src,target=/home/jdoe/src img",
    );
    // Options the host shell expands, given to a container that shares the host's files, are the reader's.
    expect(generalise("podman run -v /home:/home -w /home/jdoe/app -e HOME=/home/jdoe img", names)).toBe(
      "podman run -v /home:/home -w $HOME/app -e HOME=$HOME img",
    );
  });

  it("leaves what runs inside a container alone", () => {
    const names = ["jdoe"];
    const cases = [
      "docker run --rm -it img ls /home/jdoe",
      "sudo podman exec web cat /home/jdoe/.bashrc",
      "nerdctl run img sh -c 'cd /home/jdoe && make'",
      "kubectl exec -it -n ci pod-0 -- ls /home/jdoe",
      "docker compose exec web ls /home/jdoe",
    ];
    for (const command of cases) expect(generalise(command, names)).toBe(command);
    // … but the host side of the same line is still generalised.
    expect(generalise("cd /home/jdoe/app && docker exec web ls /home/jdoe", names)).toBe(
      "cd $HOME/app && docker exec web ls /home/jdoe",
    );
    // A continued command is one command.
    expect(generalise("docker run \\\n  -v /home/jdoe/a:/a \\\n  img ls /home/jdoe", names)).toBe(
      "docker run \\\n  -v $HOME/a:/a \\\n  img ls /home/jdoe",
    );
  });

  it("leaves Dockerfiles alone, fenced as such or recognisable", () => {
    const names = ["jdoe"];
    const dockerfile = fence("dockerfile", "FROM alpine\nUSER jdoe\nWORKDIR /home/jdoe/app");
    expect(generalise(dockerfile, names)).toBe(dockerfile);
    const containerfile = fence("", "FROM alpine\nRUN adduser -D jdoe\nCOPY . /home/jdoe/app");
    expect(generalise(containerfile, names)).toBe(containerfile);
    const mixed = fence("", "RUN chown jdoe /home/jdoe\n") + "\n\nOn the host: /home/jdoe/src";
    expect(generalise(mixed, names)).toBe(fence("", "RUN chown jdoe /home/jdoe\n") + "\n\nOn the host: $HOME/src");
  });

  it("leaves container paths in manifests alone", () => {
    const yaml = fence("yaml", "volumeMounts:\n  - name: home\n    mountPath: /home/jdoe/.cache");
    expect(generalise(yaml, ["jdoe"])).toBe(yaml);
  });

  it("never changes text outside a home path or the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abc /-_:$\"'\n`") }), (text) => {
        expect(generalise(text, ["jdoe"])).toBe(text);
      }),
    );
  });
});
