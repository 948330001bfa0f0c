import type { Section } from "../context";
import { api } from "./api";
import { callbacks } from "./callbacks";
import { databaseFloor } from "./database-floor";
import { edge } from "./edge";
import { donations } from "./donations";
import { memory } from "./memory";
import { outage } from "./outage";
import { pages } from "./pages";
import { soak } from "./soak";
import { withVisibilityProbe } from "./visibility";

// The benchmark, in order. A new measurement is one more Section here (its own file in this folder); `--only`
// picks sections by name.
export const sections: Section[] = [
  pages,
  edge,
  api,
  databaseFloor,
  withVisibilityProbe([donations, callbacks]),
  memory,
  soak,
  outage,
];
