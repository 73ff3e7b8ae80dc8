// English messages, one file per area of the site (messages/en/*.json), under one namespace each.
import account from "~/messages/en/account.json";
import admin from "~/messages/en/admin.json";
import amendments from "~/messages/en/amendments.json";
import auth from "~/messages/en/auth.json";
import clearance from "~/messages/en/clearance.json";
import codebook from "~/messages/en/codebook.json";
import common from "~/messages/en/common.json";
import compare from "~/messages/en/compare.json";
import discussion from "~/messages/en/discussion.json";
import governance from "~/messages/en/governance.json";
import normForm from "~/messages/en/normForm.json";
import notificationCentre from "~/messages/en/notificationCentre.json";
import notifications from "~/messages/en/notifications.json";
import norms from "~/messages/en/norms.json";
import openData from "~/messages/en/openData.json";
import methodology from "~/messages/en/methodology.json";
import moderation from "~/messages/en/moderation.json";
import organizations from "~/messages/en/organizations.json";
import positions from "~/messages/en/positions.json";
import privacy from "~/messages/en/privacy.json";
import processMessages from "~/messages/en/process.json";
import reference from "~/messages/en/reference.json";
import library from "~/messages/en/library.json";
import search from "~/messages/en/search.json";
import security from "~/messages/en/security.json";
import sponsors from "~/messages/en/sponsors.json";
import states from "~/messages/en/states.json";
import secretariat from "~/messages/en/secretariat.json";
import stocktakes from "~/messages/en/stocktakes.json";
import stocktakeAdmin from "~/messages/en/stocktakeAdmin.json";
import vocabulary from "~/messages/en/vocabulary.json";

export const messages = {
  en: { common, vocabulary, auth, account, organizations, secretariat, admin, normForm, norms, amendments, openData, reference, compare, search, positions, methodology, moderation, stocktakeAdmin, discussion, stocktakes, privacy, security, sponsors, states, governance, clearance, codebook, notifications, notificationCentre, process: processMessages, library },
};

export type Messages = (typeof messages)["en"];
