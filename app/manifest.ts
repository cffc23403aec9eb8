import type { MetadataRoute } from "next";

/** Installing Yomikai on a phone or desktop: its name, colours and icons. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Yomikai",
    short_name: "Yomikai",
    description: "Timed paper-reading sessions for study groups",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e55c4",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
  };
}
