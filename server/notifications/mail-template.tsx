// Notification mail, built with React Email: an HTML part and a plain-text part from one template.
// Plain and sober, like the site: the forum's name, what happened, what to do, the link, and how to
// change or stop this mail.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, render, Section, Text } from "@react-email/components";
// In scope for the classic JSX transform too: scripts run this file through tsx (bench:notify).
import React from "react";
import { isRtl, LANGUAGE_TAGS, type Locale } from "../i18n/locales";

export interface MailItem {
  sentence: string;
  todo: string;
  url: string;
  when: string;
}

export interface MailGroup {
  /** A norm's title, or null for items about no norm. */
  title: string | null;
  items: MailItem[];
}

export interface NotificationMailProps {
  /** The recipient's language: the document's lang, and dir for Arabic. */
  locale: Locale;
  /** The forum's name in that language. */
  siteName: string;
  heading: string;
  intro: string;
  groups: MailGroup[];
  labels: { open: string; otherUpdates: string; settings: string; unsubscribe: string; why: string };
  settingsUrl: string;
  unsubscribeUrl: string;
}

const text = { fontSize: "16px", lineHeight: "24px", color: "#0b0c0c", margin: "0 0 12px" };

function NotificationMail(props: NotificationMailProps) {
  return (
    <Html lang={LANGUAGE_TAGS[props.locale]} dir={isRtl(props.locale) ? "rtl" : "ltr"}>
      <Head />
      <Preview>{props.intro}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif" }}>
        <Container style={{ maxWidth: "600px", padding: "16px" }}>
          <Section style={{ borderBottom: "8px solid #1d70b8", paddingBottom: "8px", marginBottom: "16px" }}>
            <Text style={{ ...text, fontWeight: 700, fontSize: "20px" }}>{props.siteName}</Text>
          </Section>
          <Heading as="h1" style={{ fontSize: "24px", lineHeight: "30px", color: "#0b0c0c" }}>
            {props.heading}
          </Heading>
          <Text style={text}>{props.intro}</Text>
          {props.groups.map((group, g) => (
            <Section key={g} style={{ marginBottom: "16px" }}>
              {props.groups.length > 1 || group.title ? (
                <Heading as="h2" style={{ fontSize: "19px", lineHeight: "25px", color: "#0b0c0c" }}>
                  {group.title ?? props.labels.otherUpdates}
                </Heading>
              ) : null}
              {group.items.map((item, i) => (
                <Section key={i} style={{ marginBottom: "12px" }}>
                  <Text style={text}>{item.sentence}</Text>
                  <Text style={{ ...text, color: "#505a5f" }}>
                    {item.when} · {item.todo}
                  </Text>
                  <Text style={text}>
                    <Link href={item.url} style={{ color: "#1d70b8", textDecoration: "underline" }}>
                      {props.labels.open}
                    </Link>
                  </Text>
                </Section>
              ))}
            </Section>
          ))}
          <Hr />
          <Text style={{ ...text, fontSize: "14px", color: "#505a5f" }}>{props.labels.why}</Text>
          <Text style={{ ...text, fontSize: "14px" }}>
            <Link href={props.settingsUrl} style={{ color: "#1d70b8" }}>
              {props.labels.settings}
            </Link>
          </Text>
          <Text style={{ ...text, fontSize: "14px" }}>
            <Link href={props.unsubscribeUrl} style={{ color: "#1d70b8" }}>
              {props.labels.unsubscribe}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The mail's HTML and plain-text parts. */
export async function renderNotificationMail(props: NotificationMailProps) {
  const element = <NotificationMail {...props} />;
  const [html, plain] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text: plain };
}
