import { NotFoundContent } from "@/app/_components/not-found-content";

export default function NotFoundPage() {
  return <NotFoundContent />;
}
